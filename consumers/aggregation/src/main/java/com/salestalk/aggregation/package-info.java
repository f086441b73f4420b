/** The aggregation consumer: per-tenant metric cells from uploads, and summaries read from them. */
package com.salestalk.aggregation;
