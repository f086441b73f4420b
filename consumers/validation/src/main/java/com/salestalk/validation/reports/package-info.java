/** Reports per upload: the metrics.ingested.v1 handler, their table and the tenant API. */
package com.salestalk.validation.reports;
