/** An upload's accepted rows, normalized: gzip-compressed JSON Lines, one row per line. */
package com.salestalk.metricdata.rows;
