package io.github.scimkit.core.internal.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Rewrites filter text, token by token, into forms the SDK's parser reads. */
final class FilterText {

  private static final Set<String> COMPARISONS =
      Set.of("eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le");
  private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "pr");
  private static final Set<String> LITERALS = Set.of("true", "false", "null");
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

  private FilterText() {}

  private enum Kind {
    WORD,
    QUOTED,
    OPEN,
    CLOSE,
    OPEN_BRACKET,
    CLOSE_BRACKET,
    END
  }

  /** A token with the whitespace before it, so that text can be rebuilt exactly. */
  private record Token(Kind kind, String lead, String text) {
    Token withText(String newText) {
      return new Token(kind, lead, newText);
    }

    boolean isWord(Set<String> words) {
      return kind == Kind.WORD && words.contains(text.toLowerCase(Locale.ROOT));
    }
  }

  /**
   * Tells whether the square brackets and parentheses of a filter or path are balanced outside
   * quoted strings. The SDK's parsers close a missing {@code ]} silently, which would turn {@code
   * emails[type eq "work"} into a valid filter.
   */
  static boolean balanced(String text) {
    int brackets = 0;
    int parentheses = 0;
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          quoted = false;
        }
        continue;
      }
      switch (c) {
        case '"' -> quoted = true;
        case '[' -> brackets++;
        case ']' -> brackets--;
        case '(' -> parentheses++;
        case ')' -> parentheses--;
        default -> { }
      }
      if (brackets < 0 || parentheses < 0) {
        return false;
      }
    }
    return !quoted && brackets == 0 && parentheses == 0;
  }

  /**
   * Rewrites {@code attr[filter].sub op value} as {@code attr[filter and sub op value]}, wrapping
   * the filter in parentheses when it has an {@code or}.
   */
  static String mergeFilteredPathComparisons(String text) {
    String current = text;
    while (true) {
      List<Token> tokens = tokenize(current);
      int close = findFilteredPathComparison(tokens);
      if (close < 0) {
        return current;
      }
      int open = matchingOpen(tokens, close);
      Token operator = tokens.get(close + 2);
      boolean present = operator.text().equalsIgnoreCase("pr");
      int end = close + (present ? 3 : 4);
      List<Token> inner = tokens.subList(open + 1, close);
      boolean hasOr = inner.stream().anyMatch(token -> token.isWord(Set.of("or")));
      StringBuilder out = new StringBuilder(render(tokens.subList(0, open + 1)));
      out.append(hasOr ? "(" + render(inner).strip() + ")" : render(inner).strip());
      out.append(" and ").append(tokens.get(close + 1).text().substring(1));
      out.append(' ').append(operator.text());
      if (!present) {
        out.append(' ').append(tokens.get(close + 3).text());
      }
      out.append(']').append(render(tokens.subList(end, tokens.size())));
      current = out.toString();
    }
  }

  private static int findFilteredPathComparison(List<Token> tokens) {
    for (int i = 0; i + 2 < tokens.size(); i++) {
      Token sub = tokens.get(i + 1);
      if (tokens.get(i).kind() == Kind.CLOSE_BRACKET
          && sub.kind() == Kind.WORD
          && sub.lead().isEmpty()
          && sub.text().startsWith(".")
          && matchingOpen(tokens, i) > 0) {
        Token operator = tokens.get(i + 2);
        if (operator.isWord(Set.of("pr"))
            || (operator.isWord(COMPARISONS) && i + 3 < tokens.size())) {
          return i;
        }
      }
    }
    return -1;
  }

  private static int matchingOpen(List<Token> tokens, int close) {
    int depth = 0;
    for (int i = close; i >= 0; i--) {
      Kind kind = tokens.get(i).kind();
      if (kind == Kind.CLOSE_BRACKET) {
        depth++;
      } else if (kind == Kind.OPEN_BRACKET && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Puts quotes around comparison values that are neither quoted strings nor {@code true},
   * {@code false}, {@code null} or numbers.
   */
  static String quoteBareValues(String text) {
    List<Token> tokens = new ArrayList<>(tokenize(text));
    for (int i = 2; i < tokens.size(); i++) {
      Token value = tokens.get(i);
      Token attribute = tokens.get(i - 2);
      if (value.kind() == Kind.WORD
          && tokens.get(i - 1).isWord(COMPARISONS)
          && attribute.kind() == Kind.WORD
          && !attribute.isWord(KEYWORDS)
          && !attribute.isWord(COMPARISONS)
          && !value.isWord(LITERALS)
          && !NUMBER.matcher(value.text()).matches()) {
        tokens.set(i, value.withText(quote(value.text())));
      }
    }
    return render(tokens);
  }

  private static String quote(String bare) {
    return '"' + bare.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private static String render(List<Token> tokens) {
    StringBuilder out = new StringBuilder();
    for (Token token : tokens) {
      out.append(token.lead()).append(token.text());
    }
    return out.toString();
  }

  private static List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int start = i;
      while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i == text.length()) {
        tokens.add(new Token(Kind.END, text.substring(start), ""));
        break;
      }
      String lead = text.substring(start, i);
      char c = text.charAt(i);
      int end = i + 1;
      Kind kind;
      switch (c) {
        case '(' -> kind = Kind.OPEN;
        case ')' -> kind = Kind.CLOSE;
        case '[' -> kind = Kind.OPEN_BRACKET;
        case ']' -> kind = Kind.CLOSE_BRACKET;
        case '"' -> {
          kind = Kind.QUOTED;
          while (end < text.length() && text.charAt(end) != '"') {
            end += text.charAt(end) == '\\' ? 2 : 1;
          }
          end = Math.min(end + 1, text.length());
        }
        default -> {
          kind = Kind.WORD;
          while (end < text.length() && "()[]\"".indexOf(text.charAt(end)) < 0
              && !Character.isWhitespace(text.charAt(end))) {
            end++;
          }
        }
      }
      tokens.add(new Token(kind, lead, text.substring(i, end)));
      i = end;
    }
    return tokens;
  }
}
