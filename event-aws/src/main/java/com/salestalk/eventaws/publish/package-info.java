/** Publishing validated events to EventBridge in size-bounded batches with selective retries. */
package com.salestalk.eventaws.publish;
