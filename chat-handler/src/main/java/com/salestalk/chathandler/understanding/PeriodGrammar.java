package com.salestalk.chathandler.understanding;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.threeten.extra.YearQuarter;

/**
 * Finds the periods a question names, resolved against today (in the tenant's timezone). Each rule
 * is a regular expression over the question's words joined by single spaces; rules run from the
 * most specific ("the same quarter last year", "last 12 months") to the most general (a bare year),
 * and words a rule took are not seen by the later ones. Conventions (docs/chat-handler.md lists
 * them with examples):
 *
 * <ul>
 *   <li>this/last/next month, quarter, half, year, week: the calendar unit containing today, before
 *       it, after it; weeks run Monday to Sunday;
 *   <li>last N days/weeks/months/quarters/years: the N complete units before the current one
 *       (today's partial unit is left out); next N: the N units after the current one;
 *   <li>YTD, QTD, MTD: from the unit's first day to today; "rest of the year": tomorrow to its last
 *       day;
 *   <li>a month, quarter or half without a year ("March", "Q3", "H2"): the most recent one that has
 *       started, which may be the current one (in a forecast the planner asks for the next one that
 *       has not ended);
 *   <li>"N months ago", "the year before last": that one unit.
 * </ul>
 */
final class PeriodGrammar {

  /** What a mention is. */
  enum Kind {
    /** A period. */
    PERIOD,
    /** "the same period last year", "yoy": the other period of a comparison, a year before. */
    SAME_TIME_LAST_YEAR,
    /** "the previous one", "the month before": the other period of a comparison, just before. */
    PREVIOUS,
    /** "month over month", "qoq": compare with the previous unit of {@link Mention#grain()}. */
    OVER_PREVIOUS
  }

  /** A month, quarter or half named without a year ("March", "Q3", "H2"). */
  record Named(Grain grain, int index) {

    Period in(int year) {
      return switch (grain) {
        case MONTH -> Period.month(YearMonth.of(year, index));
        case QUARTER -> Period.quarter(YearQuarter.of(year, index));
        default -> Period.half(year, index);
      };
    }

    /** The latest one that has started by {@code today}. */
    Period mostRecent(LocalDate today) {
      Period candidate = in(today.getYear());
      return candidate.start().isAfter(today) ? in(today.getYear() - 1) : candidate;
    }

    /** The first one that ends on or after {@code day}. */
    Period firstEndingFrom(LocalDate day) {
      Period candidate = in(day.getYear());
      return candidate.end().isBefore(day) ? in(day.getYear() + 1) : candidate;
    }
  }

  /**
   * Words {@code from..to} (inclusive) name a period or refer to one.
   *
   * @param period the period (null for the markers that refer to another period)
   * @param yearless the name when the words gave no year ("March"): the planner may pick another
   *     one
   * @param numericYear the words gave the year in digits ("Q4 2025"), which a yearless neighbour
   *     may share
   * @param grain for {@link Kind#OVER_PREVIOUS}: the unit compared
   * @param saysPrevious the words say "previous"/"prior", which after another period means the one
   *     before it
   */
  record Mention(
      int from,
      int to,
      Kind kind,
      Period period,
      Named yearless,
      boolean numericYear,
      Grain grain,
      boolean saysPrevious) {

    Mention withPeriod(Period replacement, int newFrom) {
      return new Mention(newFrom, to, kind, replacement, null, numericYear, grain, saysPrevious);
    }
  }

  private interface Reader {
    /** The mention for a match, or null when the match is not a period after all. */
    Mention read(Matcher match, Found found);
  }

  private record Rule(Pattern pattern, Reader reader) {}

  /** Where a match was found, and what it is resolved against. */
  private record Found(List<String> words, int from, int to, LocalDate today) {

    Mention period(Period period) {
      return new Mention(from, to, Kind.PERIOD, period, null, false, null, false);
    }

    Mention marker(Kind kind, Grain grain) {
      return new Mention(from, to, kind, null, null, false, grain, false);
    }

    String before() {
      return from > 0 ? words.get(from - 1) : "";
    }

    String after() {
      return to + 1 < words.size() ? words.get(to + 1) : "";
    }
  }

  private static final String NUMBER =
      "(?<n>\\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen"
          + "|twenty four|thirty six)";
  private static final String UNIT = "(?<unit>day|week|month|quarter|half|halve|year)s?";
  private static final String MONTH =
      "(?<month>january|february|march|april|may|june|july|august|september|october|november"
          + "|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)";
  private static final String YEAR_DIGITS = "(?:19|20)\\d\\d";

  /** An optional year after a month: "2025", "of 2025", "fy25", "last year". */
  private static final String MONTH_YEAR =
      "(?:(?: of| in)?(?: the)? (?:(?:fy ?)?(?<y>"
          + YEAR_DIGITS
          + ")|(?<rel>this|last|next|previous|prior) year|fy ?(?<fy>\\d\\d)))?";

  /** The same, and a two-digit year after a quarter or a half: "Q2 '25". */
  private static final String UNIT_YEAR =
      "(?:(?: of| in)?(?: the)? (?:(?:fy ?)?(?<y>"
          + YEAR_DIGITS
          + ")|(?<rel>this|last|next|previous|prior) year|fy ?(?<fy>\\d\\d)|(?<yy>\\d\\d)))?";

  private static final Map<String, Integer> NUMBER_WORDS =
      Map.ofEntries(
          Map.entry("a", 1),
          Map.entry("an", 1),
          Map.entry("one", 1),
          Map.entry("two", 2),
          Map.entry("three", 3),
          Map.entry("four", 4),
          Map.entry("five", 5),
          Map.entry("six", 6),
          Map.entry("seven", 7),
          Map.entry("eight", 8),
          Map.entry("nine", 9),
          Map.entry("ten", 10),
          Map.entry("eleven", 11),
          Map.entry("twelve", 12),
          Map.entry("eighteen", 18),
          Map.entry("twenty four", 24),
          Map.entry("thirty six", 36));

  private static final Set<String> BEFORE_MAY =
      Set.of(
          "in", "for", "of", "since", "from", "to", "until", "through", "and", "vs", "versus",
          "during", "than", "between", "with", "till", "last", "this", "next");
  private static final Set<String> AFTER_MAY = Set.of("vs", "versus", "and", "to", "compared");

  private final List<Rule> rules =
      List.of(
          rule(
              "(?:the )?same (?:period|time|month|quarter|week|day|days|dates|half|months|quarters)"
                  + " (?:as |of )?(?:the )?(?:last|a|previous|prior) year"
                  + "|last year same (?:period|time|month|quarter)|(?:a|one) year (?:earlier|before)"
                  + "|year (?:over|on) year|yoy|y o y",
              (m, f) -> f.marker(Kind.SAME_TIME_LAST_YEAR, null)),
          rule(
              "month (?:over|on) month|mom|m o m",
              (m, f) -> f.marker(Kind.OVER_PREVIOUS, Grain.MONTH)),
          rule(
              "quarter (?:over|on) quarter|qoq|q o q",
              (m, f) -> f.marker(Kind.OVER_PREVIOUS, Grain.QUARTER)),
          rule(
              "(?:the )?(?:previous|prior|preceding) (?:period|one)|(?:the )?(?:period|one) before(?: that| it)?"
                  + "|(?:the )?(?:"
                  + NUMBER
                  + " )?"
                  + UNIT
                  + " before(?! last| yesterday)(?: that| it)?|before that",
              (m, f) -> f.marker(Kind.PREVIOUS, null)),
          rule(
              "(?:the )?rest of (?:the |this )?" + UNIT,
              (m, f) -> {
                Period unit = Period.containing(unit(m), f.today());
                return f.period(
                    Period.range(f.today().plusDays(1), unit.end(), "rest of " + unit.label()));
              }),
          rule(
              "(?:this )?year to date|ytd|y t d|so far this year|this year so far|(?:the )?year so far",
              (m, f) -> f.period(toDate(Grain.YEAR, f.today()))),
          rule(
              "(?:this )?quarter to date|qtd|so far this quarter|this quarter so far",
              (m, f) -> f.period(toDate(Grain.QUARTER, f.today()))),
          rule(
              "(?:this )?month to date|mtd|so far this month|this month so far",
              (m, f) -> f.period(toDate(Grain.MONTH, f.today()))),
          rule(
              "(?:the )?(?:start|beginning) of (?:the |this )?"
                  + UNIT
                  + "|(?:by |at )?(?:the )?end of (?:the |this )?"
                  + UNIT.replace("<unit>", "<endunit>")
                  + "|(?<eunit>year|quarter|month) end|eoy",
              (m, f) -> {
                String eunit = group(m, "eunit");
                Grain grain =
                    group(m, "unit") != null
                        ? unit(m)
                        : grain(
                            eunit != null
                                ? eunit
                                : group(m, "endunit") != null ? group(m, "endunit") : "year");
                return f.period(Period.containing(grain, f.today()));
              }),
          rule("ttm|ltm", (m, f) -> f.period(last(12, Grain.MONTH, f.today()))),
          rule(
              "(?:the )?(?:last|past|previous|prior|trailing|recent|latest) " + NUMBER + " " + UNIT,
              (m, f) -> f.period(last(number(m), unit(m), f.today()))),
          rule(
              "(?:the )?(?:next|coming|following|upcoming) " + NUMBER + " " + UNIT,
              (m, f) -> f.period(next(number(m), unit(m), f.today()))),
          rule(
              NUMBER.replace("\\d{1,3}|", "\\d{1,3}|an?|") + " " + UNIT + " ago",
              (m, f) -> f.period(ago(number(m), unit(m), f.today()))),
          rule(
              "(?:the )?day before yesterday",
              (m, f) -> f.period(Period.day(f.today().minusDays(2)))),
          rule("(?:the )?" + UNIT + " before last", (m, f) -> f.period(ago(2, unit(m), f.today()))),
          rule("today|tonight|this morning", (m, f) -> f.period(Period.day(f.today()))),
          rule("yesterday", (m, f) -> f.period(Period.day(f.today().minusDays(1)))),
          rule("tomorrow", (m, f) -> f.period(Period.day(f.today().plusDays(1)))),
          rule(
              "(?:fy ?)?(?<y>" + YEAR_DIGITS + ") ?q(?<q>[1-4])",
              (m, f) -> numeric(f, new Named(Grain.QUARTER, digit(m, "q")).in(year(m, f.today())))),
          rule(
              "(?:fy ?)?(?<y>" + YEAR_DIGITS + ") ?h(?<h>[12])",
              (m, f) -> numeric(f, new Named(Grain.HALF, digit(m, "h")).in(year(m, f.today())))),
          rule(
              "(?:the )?(?:q(?<q>[1-4])|(?<ord>first|second|third|fourth|1st|2nd|3rd|4th|last|final)"
                  + " quarter)"
                  + UNIT_YEAR,
              (m, f) -> {
                String ord = group(m, "ord");
                int index = ord == null ? digit(m, "q") : ordinal(ord, 4);
                return named(
                    m, f, new Named(Grain.QUARTER, index), ord != null && ordinal(ord, 4) == 4);
              }),
          rule(
              "(?:the )?(?:h(?<h>[12])|(?<hh>[12])h|(?<ord>first|second|1st|2nd|last|latter) half)"
                  + UNIT_YEAR,
              (m, f) -> {
                String ord = group(m, "ord");
                int index =
                    ord != null
                        ? ordinal(ord, 2)
                        : group(m, "h") != null ? digit(m, "h") : digit(m, "hh");
                return named(m, f, new Named(Grain.HALF, index), "last".equals(ord));
              }),
          rule(
              "(?:(?<which>last|this|next) )?" + MONTH + MONTH_YEAR,
              (m, f) -> {
                String name = group(m, "month");
                String which = group(m, "which");
                boolean hasYear = year(m, f.today()) != null;
                if (name.equals("may")
                    && which == null
                    && !hasYear
                    && !BEFORE_MAY.contains(f.before())
                    && !AFTER_MAY.contains(f.after())) {
                  return null;
                }
                Named month = new Named(Grain.MONTH, month(name).getValue());
                if (which == null || hasYear) {
                  return named(m, f, month, false);
                }
                YearMonth current = YearMonth.from(f.today());
                int year =
                    switch (which) {
                      case "this" -> current.getYear();
                      case "last" ->
                          month.in(current.getYear()).start().isBefore(current.atDay(1))
                              ? current.getYear()
                              : current.getYear() - 1;
                      default ->
                          month.in(current.getYear()).start().isAfter(current.atEndOfMonth())
                              ? current.getYear()
                              : current.getYear() + 1;
                    };
                return f.period(month.in(year));
              }),
          rule(
              "(?<which>this|current|the current|last|past|the past|previous|the previous|prior|next"
                  + "|the next|coming|the coming|following|the following) "
                  + UNIT,
              (m, f) -> {
                String which = group(m, "which").replace("the ", "");
                Period current = Period.containing(unit(m), f.today());
                Mention mention =
                    switch (which) {
                      case "this", "current" -> f.period(current);
                      case "next", "coming", "following" -> f.period(after(current));
                      default -> f.period(current.previous());
                    };
                boolean previous = which.equals("previous") || which.equals("prior");
                return new Mention(
                    mention.from(),
                    mention.to(),
                    Kind.PERIOD,
                    mention.period(),
                    null,
                    false,
                    null,
                    previous);
              }),
          rule(
              "(?<y>" + YEAR_DIGITS + ") (?<m>0[1-9]|1[0-2])",
              (m, f) -> numeric(f, Period.month(YearMonth.of(year(m, f.today()), digit(m, "m"))))),
          rule(
              "(?<m>0[1-9]|1[0-2]) (?<y>" + YEAR_DIGITS + ")",
              (m, f) -> numeric(f, Period.month(YearMonth.of(year(m, f.today()), digit(m, "m"))))),
          rule(
              "(?:fy ?|fiscal year |the year |year )?(?<y>" + YEAR_DIGITS + ")|fy ?(?<fy>\\d\\d)",
              (m, f) -> numeric(f, Period.year(year(m, f.today())))));

  /**
   * Every period mention in {@code words} (lower-cased, typos corrected), in the order they appear.
   */
  List<Mention> find(List<String> words, LocalDate today) {
    String[] masked = words.toArray(String[]::new);
    List<Mention> mentions = new ArrayList<>();
    for (Rule rule : rules) {
      String text = String.join(" ", masked);
      int[] wordAt = wordIndexByChar(masked, text.length());
      Matcher matcher = rule.pattern().matcher(text);
      while (matcher.find()) {
        int from = wordAt[matcher.start()];
        int to = wordAt[matcher.end() - 1];
        Mention mention = rule.reader().read(matcher, new Found(words, from, to, today));
        if (mention != null) {
          mentions.add(mention);
          Arrays.fill(masked, from, to + 1, "#");
        }
      }
    }
    mentions.sort(Comparator.comparingInt(Mention::from));
    return mentions;
  }

  private static Rule rule(String regex, Reader reader) {
    return new Rule(Pattern.compile("(?<![^ ])(?:" + regex + ")(?![^ ])"), reader);
  }

  private static int[] wordIndexByChar(String[] words, int length) {
    int[] index = new int[length + 1];
    int at = 0;
    for (int w = 0; w < words.length; w++) {
      for (int c = 0; c <= words[w].length() && at <= length; c++) {
        index[at++] = w;
      }
    }
    return index;
  }

  private static Mention numeric(Found found, Period period) {
    return new Mention(found.from(), found.to(), Kind.PERIOD, period, null, true, null, false);
  }

  /**
   * A month, quarter or half with its year if the words gave one; "the last quarter" and "the last
   * half" count only with a year ("the last quarter of 2025"), otherwise they are the relative
   * "last quarter".
   */
  private static Mention named(Matcher m, Found found, Named named, boolean needsYear) {
    Integer year = year(m, found.today());
    if (year == null) {
      return needsYear && isLast(m)
          ? null
          : new Mention(
              found.from(),
              found.to(),
              Kind.PERIOD,
              named.mostRecent(found.today()),
              named,
              false,
              null,
              false);
    }
    boolean numeric = group(m, "rel") == null;
    return new Mention(
        found.from(), found.to(), Kind.PERIOD, named.in(year), null, numeric, null, false);
  }

  private static boolean isLast(Matcher m) {
    String ord = group(m, "ord");
    return "last".equals(ord) || "final".equals(ord);
  }

  private static Integer year(Matcher m, LocalDate today) {
    String digits = group(m, "y");
    if (digits != null) {
      return Integer.parseInt(digits);
    }
    String two = group(m, "fy") != null ? group(m, "fy") : group(m, "yy");
    if (two != null) {
      return 2000 + Integer.parseInt(two);
    }
    String relative = group(m, "rel");
    if (relative == null) {
      return null;
    }
    return today.getYear() + (relative.equals("this") ? 0 : relative.equals("next") ? 1 : -1);
  }

  /** A named group's text, or null when it did not take part or the rule has no such group. */
  private static String group(Matcher m, String name) {
    try {
      return m.group(name);
    } catch (IllegalArgumentException noSuchGroup) {
      return null;
    }
  }

  private static int digit(Matcher m, String name) {
    return Integer.parseInt(m.group(name));
  }

  private static int number(Matcher m) {
    String n = m.group("n");
    return n.chars().allMatch(Character::isDigit) ? Integer.parseInt(n) : NUMBER_WORDS.get(n);
  }

  private static Grain unit(Matcher m) {
    return grain(m.group("unit"));
  }

  private static Grain grain(String unit) {
    return switch (unit) {
      case "day" -> Grain.DAY;
      case "week" -> Grain.WEEK;
      case "month" -> Grain.MONTH;
      case "quarter" -> Grain.QUARTER;
      case "half", "halve" -> Grain.HALF;
      default -> Grain.YEAR;
    };
  }

  private static int ordinal(String word, int last) {
    return switch (word) {
      case "first", "1st" -> 1;
      case "second", "2nd" -> 2;
      case "third", "3rd" -> 3;
      case "fourth", "4th" -> 4;
      default -> last;
    };
  }

  private static Month month(String name) {
    for (Month month : Month.values()) {
      if (month
          .getDisplayName(TextStyle.FULL, Locale.ENGLISH)
          .toLowerCase(Locale.ROOT)
          .startsWith(name)) {
        return month;
      }
    }
    throw new IllegalArgumentException("not a month: " + name);
  }

  /** From the first day of the unit containing today to today ("YTD", "QTD", "MTD"). */
  static Period toDate(Grain grain, LocalDate today) {
    Period unit = Period.containing(grain, today);
    String label = unit.label() + (grain == Grain.YEAR ? " year to date" : " to date");
    return Period.range(unit.start(), today, label);
  }

  /** The {@code count} complete units before the one containing today. */
  static Period last(int count, Grain grain, LocalDate today) {
    Period current = Period.containing(grain, today);
    if (count == 1) {
      return current.previous();
    }
    LocalDate start = unitsBefore(current, count).start();
    return Period.range(start, current.start().minusDays(1), "last " + count + " " + plural(grain));
  }

  /** The {@code count} units after the one containing today. */
  static Period next(int count, Grain grain, LocalDate today) {
    Period first = after(Period.containing(grain, today));
    if (count == 1) {
      return first;
    }
    Period last = first;
    for (int i = 1; i < count; i++) {
      last = after(last);
    }
    return Period.range(first.start(), last.end(), "next " + count + " " + plural(grain));
  }

  static Period ago(int count, Grain grain, LocalDate today) {
    return unitsBefore(Period.containing(grain, today), count);
  }

  private static Period unitsBefore(Period unit, int count) {
    Period earlier = unit;
    for (int i = 0; i < count; i++) {
      earlier = earlier.previous();
    }
    return earlier;
  }

  private static Period after(Period unit) {
    return Period.containing(unit.grain(), unit.end().plusDays(1));
  }

  private static String plural(Grain grain) {
    return grain == Grain.HALF ? "halves" : grain.name().toLowerCase(Locale.ROOT) + "s";
  }
}
