/** The uploads feature: the CSV upload API, its checks, its S3 objects and its upload records. */
package com.salestalk.metricshandler.uploads;
