package com.salestalk.chathandler.understanding;

/**
 * What a period is on the calendar. Aggregation keeps one cell per month: MONTH, QUARTER, HALF and
 * YEAR are sums of whole months; RANGE is any other span (to-date, rolling, since, from-to) and
 * sums the months it touches; DAY and WEEK are finer than the cells.
 */
public enum Grain {
  DAY,
  WEEK,
  MONTH,
  QUARTER,
  HALF,
  YEAR,
  RANGE
}
