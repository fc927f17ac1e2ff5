package io.github.scimkit.core.profile;

import io.github.scimkit.core.dialect.Tolerance;
import io.github.scimkit.core.mapping.DerivedValue;
import io.github.scimkit.core.mapping.MappingRule;
import io.github.scimkit.core.mapping.ResourceMapping;
import io.github.scimkit.core.mapping.ScimMapping;
import java.util.Objects;

/**
 * Renders a profile as Markdown: its tolerances, how it is recognised, the mapping its tenants
 * use and its lifecycle table. {@code docs/idp/<name>.md} holds a hand-written introduction and,
 * between {@link #START} and {@link #END}, what {@link #render} returns for the default mapping;
 * a test keeps the two equal.
 */
public final class ProfileDocs {

  /** The line that opens the generated section of a profile's page. */
  public static final String START = "<!-- generated:start -->";

  /** The line that closes the generated section of a profile's page. */
  public static final String END = "<!-- generated:end -->";

  private ProfileDocs() {}

  /**
   * Renders the generated section of a profile's page, without the markers.
   *
   * @param profile the profile
   * @param base the host's mapping, such as {@link ScimMapping#defaults()}
   * @return Markdown, ending with a newline
   */
  public static String render(IdpProfile profile, ScimMapping base) {
    Objects.requireNonNull(profile, "profile");
    ScimMapping mapping = profile.mapping(Objects.requireNonNull(base, "base"));
    StringBuilder out = new StringBuilder();
    out.append("## Tolerances\n\n");
    if (profile.lenientTolerances().isEmpty()) {
      out.append("None: even in lenient mode this profile reads requests as strictly as the interop profile.\n\n");
    } else {
      out.append("In lenient mode the profile accepts these departures from RFC 7643/7644; every other tolerance ")
          .append("is off. In strict mode all are off, whatever the profile.\n\n");
      out.append("| Tolerance | Accepts |\n|---|---|\n");
      for (Tolerance tolerance : profile.lenientTolerances()) {
        out.append("| `").append(tolerance.name()).append("` | ").append(cell(accepts(tolerance))).append(" |\n");
      }
      out.append('\n');
    }
    out.append("## Recognition\n\n").append(profile.recognition()).append("\n\n");
    out.append("## Mapping\n\n");
    out.append("Rows are the rules of the mapping this profile's tenants use, built from the default mapping; ")
        .append("a host's own rules replace them, and the profile's choices below still apply. ")
        .append("What `/Schemas` publishes is the same for every profile.\n\n");
    mapping(out, mapping.users());
    mapping(out, mapping.groups());
    out.append("## Lifecycle\n\n");
    out.append("| In the identity provider | SCIM requests | Effect in ScimKit |\n|---|---|---|\n");
    for (LifecycleAction action : profile.lifecycle()) {
      out.append("| ").append(cell(action.idpAction()))
          .append(" | ").append(cell(action.scimRequests()))
          .append(" | ").append(cell(action.effect())).append(" |\n");
    }
    return out.toString();
  }

  /**
   * Replaces the generated section of a page.
   *
   * @param page the page, with both markers
   * @param generated the new section, as {@link #render} returns it
   * @return the page with the section replaced
   * @throws IllegalArgumentException when a marker is missing
   */
  public static String replaceGenerated(String page, String generated) {
    int start = page.indexOf(START);
    int end = page.indexOf(END);
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("The page needs " + START + " followed by " + END);
    }
    return page.substring(0, start + START.length()) + "\n" + generated + page.substring(end);
  }

  /**
   * Returns the generated section of a page.
   *
   * @param page the page, with both markers
   * @return the text between the markers, without the newline after the start marker
   * @throws IllegalArgumentException when a marker is missing
   */
  public static String generatedPart(String page) {
    int start = page.indexOf(START);
    int end = page.indexOf(END);
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("The page needs " + START + " followed by " + END);
    }
    String part = page.substring(start + START.length(), end);
    return part.startsWith("\n") ? part.substring(1) : part;
  }

  private static void mapping(StringBuilder out, ResourceMapping mapping) {
    out.append("### ").append(mapping.name()).append("\n\n");
    out.append("| SCIM attribute | Record attribute |\n|---|---|\n");
    out.append("| `externalId` | `").append(ResourceMapping.EXTERNAL_ID).append("` |\n");
    for (MappingRule rule : mapping.rules()) {
      out.append("| `").append(cell(rule.path())).append("` | `").append(rule.recordAttribute()).append("` |\n");
    }
    if (mapping.coreSchemaUrn().endsWith(":Group")) {
      out.append("| `members` | memberships in the group store |\n");
    }
    out.append('\n');
    for (DerivedValue value : mapping.derivedValues()) {
      out.append("Derived value `").append(value.name()).append("` (record attribute `")
          .append(value.recordAttribute()).append("`, never published) is the first value of:\n\n");
      int n = 1;
      for (DerivedValue.Source source : value.sources()) {
        out.append(n++).append(". `").append(source.path()).append('`')
            .append(source.onlyEmail() ? ", when it is an email address" : "").append('\n');
      }
      out.append('\n');
    }
  }

  private static String accepts(Tolerance tolerance) {
    return switch (tolerance) {
      case OP_NAME_ANY_CASE -> "PATCH `op` in any case, such as `Replace`";
      case MESSAGE_MEMBER_ANY_CASE -> "PATCH message members in any case: `operations`, `Op`, `PATH`";
      case MISSING_PATCH_OP_SCHEMA -> "a PATCH request without the PatchOp schema URN";
      case STRING_BOOLEANS -> "`\"True\"` and `\"False\"`, in any case, as booleans";
      case NO_PATH_OPERATIONS -> "`add` and `replace` without `path`; each key becomes an operation, "
          + "read-only keys such as `id` are dropped";
      case PATH_KEYS_IN_NO_PATH_VALUES -> "no-path value keys that are paths: `name.givenName`, "
          + "`emails[type eq \"work\"].value`, extension URN paths";
      case REMOVE_WITH_VALUE -> "`remove` with a value list, removing just the listed values";
      case SINGLE_VALUE_FOR_MULTI_VALUED -> "one value where an array is expected, such as `emails` as one object";
      case SINGLE_ELEMENT_ARRAY_FOR_SINGLE_VALUED -> "a one-element array for a single-valued attribute, "
          + "such as `manager`";
      case BARE_VALUE_FOR_COMPLEX -> "a bare string for a complex attribute with a `value`, such as "
          + "`\"manager\":\"id\"`";
      case EMPTY_STRING_AS_ABSENT -> "`\"\"` as no value; a `replace` with it becomes a `remove`";
      case NULL_MEMBER_REF -> "`\"$ref\": null` in member values, dropped";
      case UNKNOWN_SCHEMA_URNS -> "unknown URNs in `schemas`, dropped";
      case UNKNOWN_ATTRIBUTES -> "attributes the mapping does not publish, ignored";
      case UNQUOTED_FILTER_VALUES -> "unquoted filter values: `externalId eq jyoung`";
      case FILTERED_PATH_COMPARISON -> "`emails[type eq \"work\"].value eq \"x\"` in filters";
    };
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
