/**
 * Events in: an upload's normalized rows folded into cells and written last-upload-wins; a tenant's
 * provisioning recorded.
 */
package com.salestalk.aggregation.ingest;
