package io.github.scimkit.core.internal.dialect;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;
import io.github.scimkit.core.dialect.Tolerance;
import io.github.scimkit.core.dialect.Tolerances;
import java.util.Objects;

/**
 * Parses a filter (RFC 7644 §3.4.2.2) into the SDK's {@link Filter} under the enabled {@link
 * Tolerances}.
 *
 * <p>The SDK already reads attribute names and operators in any case ({@code username Eq "x"}).
 * With {@link Tolerance#FILTERED_PATH_COMPARISON} the text is first rewritten from {@code
 * emails[type eq "work"].value eq "x"} to {@code emails[type eq "work" and value eq "x"]}, and with
 * {@link Tolerance#UNQUOTED_FILTER_VALUES} from {@code externalId eq jyoung} to {@code externalId
 * eq "jyoung"}; without them the SDK parses the text as sent. Decoding the query string and
 * limiting its length are the HTTP layer's job.
 */
public final class FilterParser {

  private final ToleranceGuard guard;

  /**
   * Creates a parser.
   *
   * @param tolerances the enabled tolerances
   */
  public FilterParser(Tolerances tolerances) {
    this.guard = new ToleranceGuard(Objects.requireNonNull(tolerances, "tolerances"));
  }

  /**
   * Parses a filter.
   *
   * @param text the filter as sent, already URL-decoded
   * @return the filter
   * @throws BadRequestException with {@code scimType} {@code invalidFilter} if the text is not a
   *     filter
   */
  public Filter parse(String text) throws BadRequestException {
    if (text == null || text.isBlank()) {
      throw BadRequestException.invalidFilter("The filter is empty");
    }
    if (!FilterText.balanced(text)) {
      throw BadRequestException.invalidFilter("Invalid filter '" + text + "': unbalanced brackets or quotes");
    }
    String rewritten = text;
    if (guard.allows(Tolerance.FILTERED_PATH_COMPARISON)) {
      rewritten = FilterText.mergeFilteredPathComparisons(rewritten);
    }
    if (guard.allows(Tolerance.UNQUOTED_FILTER_VALUES)) {
      rewritten = FilterText.quoteBareValues(rewritten);
    }
    try {
      return Filter.fromString(rewritten);
    } catch (BadRequestException e) {
      throw BadRequestException.invalidFilter("Invalid filter '" + text + "': " + SdkMessages.plain(e.getMessage()));
    } catch (RuntimeException e) {
      // The SDK 4.0.0 parser fails with a ClassCastException on an array or object as a value.
      throw BadRequestException.invalidFilter(
          "Invalid filter '" + text + "': a comparison value must be a string, number, true, false or null");
    }
  }
}
