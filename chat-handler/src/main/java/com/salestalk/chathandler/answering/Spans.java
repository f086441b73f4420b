package com.salestalk.chathandler.answering;

import com.salestalk.metricdata.cells.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A span of months as the fewest periods the cells can sum: whole years, then whole quarters, then
 * single months (the last 12 months from May 2025 are May, June, Q3, Q4, Q1 and April).
 */
final class Spans {

  private Spans() {}

  static List<Period> cover(YearMonth first, YearMonth last) {
    List<Period> parts = new ArrayList<>();
    YearMonth month = first;
    while (!month.isAfter(last)) {
      Period part;
      if (month.getMonthValue() == 1 && !month.plusMonths(11).isAfter(last)) {
        part = Period.year(month.getYear());
      } else if ((month.getMonthValue() - 1) % 3 == 0 && !month.plusMonths(2).isAfter(last)) {
        part = Period.quarter(month.getYear(), (month.getMonthValue() - 1) / 3 + 1);
      } else {
        part = Period.month(month);
      }
      parts.add(part);
      month = part.last().plusMonths(1);
    }
    return parts;
  }
}
