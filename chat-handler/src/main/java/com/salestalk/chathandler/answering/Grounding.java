package com.salestalk.chathandler.answering;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Whether a narrative quotes only its figures. Names are taken out first: the labels of the periods
 * the figures are of, the dimension values they are of, and calendar references by their form
 * ({@code Q3 2025}, {@code H1 2026}, {@code March 2026}, {@code 2026-05-14}). Every number left
 * ({@code $12.3K}, {@code 4,500}, {@code 12.5%}, {@code 1.25M}) must equal the absolute value of
 * one figure rounded as the text rounds it: to the number's decimals, in its unit (K, M, B); a
 * percentage against a figure times 100.
 */
final class Grounding {

  private static final Pattern CALENDAR =
      Pattern.compile(
          "\\b(?:Q[1-4]|H[12]|FY|January|February|March|April|May|June|July|August|September"
              + "|October|November|December) ?\\d{4}\\b|\\b\\d{4}-\\d{2}(?:-\\d{2})?\\b");
  private static final Pattern NUMBER =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}.,])(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?(?:([KMB])(?!\\p{L}))?(%)?");

  private Grounding() {}

  /**
   * @param narrative the text
   * @param figures the figures it may quote
   * @param periodLabels labels of further periods it may name (the question's)
   */
  static boolean grounded(
      String narrative, List<MetricUsed> figures, Collection<String> periodLabels) {
    return ungrounded(narrative, figures, periodLabels).isEmpty();
  }

  /** The numbers of the narrative that match no figure, as written. */
  static List<String> ungrounded(
      String narrative, List<MetricUsed> figures, Collection<String> periodLabels) {
    String text = narrative;
    List<String> names =
        Stream.of(
                figures.stream().flatMap(f -> Stream.of(f.period().split(" vs "))),
                figures.stream()
                    .map(MetricUsed::dimension)
                    .filter(d -> d != null)
                    .map(d -> d.substring(d.indexOf('=') + 1)),
                periodLabels.stream())
            .flatMap(s -> s)
            .filter(s -> s.chars().anyMatch(Character::isDigit))
            .distinct()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
    for (String name : names) {
      text = text.replace(name, " ");
    }
    text = CALENDAR.matcher(text).replaceAll(" ");
    Matcher m = NUMBER.matcher(text);
    return m.results()
        .filter(r -> figures.stream().noneMatch(f -> matches(r, f.value())))
        .map(r -> r.group())
        .toList();
  }

  private static boolean matches(java.util.regex.MatchResult number, BigDecimal value) {
    if (value == null) {
      return false;
    }
    int decimals = number.group(2) == null ? 0 : number.group(2).length();
    BigDecimal written =
        new BigDecimal(
            number.group(1).replace(",", "") + (decimals == 0 ? "" : "." + number.group(2)));
    int shift =
        number.group(3) == null
            ? 0
            : switch (number.group(3)) {
              case "K" -> 3;
              case "M" -> 6;
              default -> 9;
            };
    BigDecimal target = value.abs().movePointLeft(shift);
    if (number.group(4) != null) {
      target = target.movePointRight(2);
    }
    return target.setScale(decimals, RoundingMode.HALF_UP).compareTo(written) == 0;
  }
}
