/**
 * Mapping rules: which SCIM attributes a host keeps, under which record attributes, and all
 * that follows from them.
 *
 * <p>A {@link io.github.scimkit.core.mapping.MappingRule} binds one SCIM path to one record
 * attribute. A {@link io.github.scimkit.core.mapping.ResourceMapping} holds the rules of one
 * resource type and is the single source of truth for what is stored, what GET returns
 * ({@code render}), what requests write ({@code read}), which filters and sorts are valid
 * ({@code toCondition}, {@code toSort}) and what /Schemas publishes ({@code schemas}). A {@link
 * io.github.scimkit.core.mapping.ScimMapping} pairs the User and Group mappings; build one in
 * Java, start from {@link io.github.scimkit.core.mapping.DefaultMappings}, or load one with
 * {@link io.github.scimkit.core.mapping.ScimMappingLoader}. See {@code docs/mapping.md}.
 */
package io.github.scimkit.core.mapping;
