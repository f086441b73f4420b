package com.salestalk.chathandler.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A page of the tenant's sessions, newest first.
 *
 * @param sessions the sessions, without their transcripts
 * @param nextPageToken the next page's {@code pageToken}, or absent on the last page
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SessionPage(List<SessionSummary> sessions, String nextPageToken) {}
