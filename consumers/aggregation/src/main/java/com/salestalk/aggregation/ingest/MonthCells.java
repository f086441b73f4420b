package com.salestalk.aggregation.ingest;

import com.salestalk.metricdata.cells.MonthBreakdown;
import com.salestalk.metricdata.cells.MonthTotal;
import java.util.List;

/**
 * What one upload writes for one metric in one month: its breakdown pages, then its total.
 *
 * @param total the month's total
 * @param pages the breakdown pages of every dimension
 */
record MonthCells(MonthTotal total, List<MonthBreakdown> pages) {

  MonthCells {
    pages = List.copyOf(pages);
  }

  /** Logical cells: the total and one per dimension value. */
  int cellCount() {
    return 1 + pages.stream().mapToInt(p -> p.cells().size()).sum();
  }
}
