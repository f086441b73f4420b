package com.salestalk.chathandler.understanding;

import com.salestalk.chathandler.understanding.PeriodGrammar.Kind;
import com.salestalk.chathandler.understanding.PeriodGrammar.Mention;
import com.salestalk.eventcontracts.events.Intent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Turns the period mentions of a question into the plan's periods, once the intent is known:
 *
 * <ul>
 *   <li>"since X": from X's first day to today;
 *   <li>"from X to Y", "X through Y", "between X and Y": one range, except in a comparison, where X
 *       and Y are the two periods; a yearless X takes Y's year ("March to June 2025", "H1 vs H2
 *       2025");
 *   <li>a comparison needs two periods: a second one named, or one implied by "yoy", "the previous
 *       one", "the same quarter last year", by a single period after "vs"/"than"/"compared to"
 *       (then compared from the current unit: "up vs last month" is this month against last month)
 *       or by a word of change ("did revenue grow last quarter": against the quarter before);
 *       without any of these it is left for a clarification;
 *   <li>"last year" as the second period of a shorter first period of this year means the same span
 *       a year earlier ("YTD vs last year");
 *   <li>a trend without a period covers the last 12 months; a forecast reads a yearless "Q3" as the
 *       next Q3.
 * </ul>
 */
final class PeriodPlanner {

  /**
   * The plan's periods, the words each came from ("" when implied), and whether a comparison lacks
   * one.
   */
  record Planned(List<Period> periods, List<String> words, boolean missingComparand) {}

  private static final Set<String> RANGE_JOINERS = Set.of("to", "through", "thru", "until", "till");
  private static final Set<String> LIST_JOINERS = Set.of("vs", "versus", "and", "or");
  private static final Set<String> BASELINE_WORDS =
      Set.of("vs", "versus", "than", "against", "compared", "compare", "over");

  private final List<Mention> mentions;
  private final List<String> words;
  private final LocalDate today;
  private final BiFunction<Integer, Integer, String> quote;

  /**
   * @param quote the question's original words from..to (word indexes, inclusive)
   */
  PeriodPlanner(
      List<Mention> mentions,
      List<String> words,
      LocalDate today,
      BiFunction<Integer, Integer, String> quote) {
    this.mentions = mentions;
    this.words = words;
    this.today = today;
    this.quote = quote;
  }

  /** A period of the question: one mention, or two joined by "to"/"and"/"vs". */
  private record Slot(Mention first, Mention second, boolean range) {}

  /** The question's periods and markers; in a forecast a yearless "Q3" is the next Q3. */
  private record Split(List<Slot> slots, List<Mention> markers) {}

  private Split split(boolean upcoming) {
    List<Mention> periods = new ArrayList<>();
    List<Mention> markers = new ArrayList<>();
    for (Mention mention : mentions) {
      if (mention.kind() != Kind.PERIOD) {
        markers.add(mention);
      } else if (mention.saysPrevious() && !periods.isEmpty()) {
        markers.add(
            new Mention(
                mention.from(), mention.to(), Kind.PREVIOUS, null, null, false, null, false));
      } else {
        periods.add(since(upcoming ? upcoming(mention) : mention));
      }
    }
    return new Split(slots(periods), markers);
  }

  /** Two periods named apart or side by side ("Q1 and Q2", "2024 vs 2025"), not as one range. */
  boolean twoPeriods() {
    List<Slot> slots = split(false).slots();
    return slots.size() >= 2
        || slots.stream().anyMatch(slot -> slot.second() != null && !slot.range());
  }

  /** A range named by its ends ("from January to March"). */
  boolean range() {
    return split(false).slots().stream().anyMatch(Slot::range);
  }

  /** "yoy", "the previous one", "same month last year"... */
  boolean comparisonMarker() {
    return !split(false).markers().isEmpty();
  }

  Planned plan(Intent intent, boolean changeWord, boolean severalThings) {
    Split split = split(intent == Intent.FORECAST);
    List<Slot> slots = split.slots();
    return switch (intent) {
      case COMPARISON -> comparison(slots, split.markers(), changeWord, severalThings);
      case TREND_ANALYSIS ->
          slots.isEmpty() ? implied(PeriodGrammar.last(12, Grain.MONTH, today)) : joined(slots);
      default -> joined(slots);
    };
  }

  private Mention upcoming(Mention mention) {
    return mention.yearless() == null
        ? mention
        : new Mention(
            mention.from(),
            mention.to(),
            Kind.PERIOD,
            mention.yearless().firstEndingFrom(today),
            mention.yearless(),
            false,
            null,
            false);
  }

  private Mention since(Mention mention) {
    int at = mention.from() - 1;
    if (at >= 0 && words.get(at).equals("since")) {
      Period period = mention.period();
      return mention.withPeriod(Period.range(period.start(), today, "since " + period.label()), at);
    }
    return mention;
  }

  private List<Slot> slots(List<Mention> periods) {
    List<Slot> slots = new ArrayList<>();
    for (int i = 0; i < periods.size(); i++) {
      Mention first = periods.get(i);
      Mention second = i + 1 < periods.size() ? periods.get(i + 1) : null;
      String between =
          second == null ? null : String.join(" ", words.subList(first.to() + 1, second.from()));
      boolean range =
          between != null
              && (RANGE_JOINERS.contains(between)
                  || between.equals("and")
                      && first.from() > 0
                      && words.get(first.from() - 1).equals("between"));
      if (range || between != null && LIST_JOINERS.contains(between)) {
        Mention[] pair = sharedYear(first, second, range);
        slots.add(new Slot(pair[0], pair[1], range));
        i++;
      } else {
        slots.add(new Slot(first, null, false));
      }
    }
    return slots;
  }

  /** "H1 vs H2 2025": H1 takes 2025; "November to February": February after November. */
  private static Mention[] sharedYear(Mention first, Mention second, boolean range) {
    Mention a = first;
    Mention b = second;
    if (a.yearless() != null
        && b.yearless() == null
        && b.numericYear()
        && b.period().grain() == a.yearless().grain()) {
      int year = b.period().start().getYear();
      Period inherited = a.yearless().in(year);
      if (range && inherited.start().isAfter(b.period().end())) {
        inherited = a.yearless().in(year - 1);
      }
      a = a.withPeriod(inherited, a.from());
    }
    if (range && b.yearless() != null) {
      b = b.withPeriod(b.yearless().firstEndingFrom(a.period().start()), b.from());
    }
    return new Mention[] {a, b};
  }

  private Planned comparison(
      List<Slot> slots, List<Mention> markers, boolean changeWord, boolean severalThings) {
    List<Period> periods = new ArrayList<>();
    List<String> from = new ArrayList<>();
    for (Slot slot : slots) {
      periods.add(slot.first().period());
      from.add(quote(slot.first()));
      if (slot.second() != null) {
        periods.add(slot.second().period());
        from.add(quote(slot.second()));
      }
    }
    Mention marker = markers.isEmpty() ? null : markers.get(0);
    if (periods.size() >= 2) {
      Period first = periods.get(0);
      Period second = periods.get(1);
      if (second.grain() == Grain.YEAR
          && first.grain() != Grain.YEAR
          && first.start().getYear() == second.start().getYear() + 1
          && first.end().getYear() == first.start().getYear()) {
        second = first.yearEarlier();
      }
      return new Planned(List.of(first, second), from.subList(0, 2), false);
    }
    if (periods.size() == 1) {
      Period only = periods.get(0);
      if (marker != null) {
        Period other =
            marker.kind() == Kind.SAME_TIME_LAST_YEAR ? only.yearEarlier() : only.previous();
        return new Planned(List.of(only, other), List.of(from.get(0), quote(marker)), false);
      }
      if (isBaseline(slots.get(0).first()) && only.grain() != Grain.RANGE) {
        Period current = Period.containing(only.grain(), today);
        if (!current.equals(only)) {
          return new Planned(List.of(current, only), List.of("", from.get(0)), false);
        }
      }
      if (severalThings) {
        return new Planned(periods, from, false);
      }
      if (changeWord) {
        return new Planned(List.of(only, only.previous()), List.of(from.get(0), ""), false);
      }
      return new Planned(periods, from, true);
    }
    if (marker != null && marker.kind() != Kind.PREVIOUS) {
      Grain grain = marker.kind() == Kind.SAME_TIME_LAST_YEAR ? Grain.YEAR : marker.grain();
      Period toDate = PeriodGrammar.toDate(grain, today);
      Period other =
          grain == Grain.YEAR ? toDate.yearEarlier() : toDate.monthsEarlier(Period.months(grain));
      return new Planned(List.of(toDate, other), List.of(quote(marker), quote(marker)), false);
    }
    return new Planned(List.of(), List.of(), !severalThings);
  }

  private boolean isBaseline(Mention mention) {
    int at = mention.from() - 1;
    while (at >= 0 && Set.of("the", "in", "with", "to", "for", "of").contains(words.get(at))) {
      at--;
    }
    return at >= 0 && BASELINE_WORDS.contains(words.get(at));
  }

  private Planned joined(List<Slot> slots) {
    List<Period> periods = new ArrayList<>();
    List<String> from = new ArrayList<>();
    for (Slot slot : slots) {
      if (slot.range()) {
        Period start = slot.first().period();
        Period end = slot.second().period();
        periods.add(Period.range(start.start(), end.end(), start.label() + " to " + end.label()));
        from.add(quote.apply(slot.first().from(), slot.second().to()));
      } else {
        periods.add(slot.first().period());
        from.add(quote(slot.first()));
        if (slot.second() != null) {
          periods.add(slot.second().period());
          from.add(quote(slot.second()));
        }
      }
    }
    int kept = Math.min(2, periods.size());
    return new Planned(periods.subList(0, kept), from.subList(0, kept), false);
  }

  private static Planned implied(Period period) {
    return new Planned(List.of(period), List.of(""), false);
  }

  private String quote(Mention mention) {
    return quote.apply(mention.from(), mention.to());
  }
}
