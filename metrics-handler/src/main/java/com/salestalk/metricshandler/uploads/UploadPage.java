package com.salestalk.metricshandler.uploads;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A page of the tenant's uploads, newest first.
 *
 * @param uploads the uploads
 * @param nextPageToken pass as {@code pageToken} for the next page; absent on the last
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record UploadPage(List<UploadView> uploads, String nextPageToken) {}
