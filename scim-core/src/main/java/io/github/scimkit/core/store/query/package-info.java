/**
 * The queries stores answer: a {@link io.github.scimkit.core.store.query.Condition} over record
 * attributes, a {@link io.github.scimkit.core.store.query.Sort} and a {@link
 * io.github.scimkit.core.store.query.PageRequest}, together a {@link
 * io.github.scimkit.core.store.query.StoreQuery}.
 *
 * <h2>Semantics every store implements</h2>
 *
 * <ul>
 *   <li>A comparison on a multi-valued attribute, or on a sub-attribute of a multi-valued complex
 *       attribute, matches when any value matches.
 *   <li>{@code ne} matches when the attribute is absent, and {@link
 *       io.github.scimkit.core.store.query.Condition.Not not} matches wherever its operand does
 *       not, absent attributes included.
 *   <li>A comparison that is not case-exact folds both strings with {@code
 *       toLowerCase(Locale.ROOT)} first. {@code co}, {@code sw} and {@code ew} treat every
 *       character literally, {@code %}, {@code _} and {@code \} included.
 *   <li>{@code gt}, {@code ge}, {@code lt} and {@code le} order strings by UTF-16 code units,
 *       numbers ({@code Long} and {@code BigDecimal} alike, in every operator, so {@code 1.5} equals {@code 1.50}) numerically and instants in time;
 *       instants compare at millisecond precision. Booleans and binary values support only
 *       {@code eq}, {@code ne} and {@code pr}. A value of another type than the attribute's never
 *       matches (and so {@code ne} does).
 *   <li>{@code id}, {@code created} and {@code lastModified} can be filtered and sorted on like
 *       attributes.
 *   <li>Sorting folds case for a sort that is not case-exact, puts records without a value last
 *       in ascending and first in descending order, and breaks ties by id in the same direction.
 * </ul>
 *
 * {@link io.github.scimkit.core.store.memory.ConditionMatcher} is the reference implementation.
 */
package io.github.scimkit.core.store.query;
