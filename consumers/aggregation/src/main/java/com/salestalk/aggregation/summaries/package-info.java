/** The read API: a tenant's metric summaries and what it has data for. */
package com.salestalk.aggregation.summaries;
