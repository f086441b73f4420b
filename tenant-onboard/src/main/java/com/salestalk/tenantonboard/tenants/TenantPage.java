package com.salestalk.tenantonboard.tenants;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One page of tenants.
 *
 * @param items the tenants of this page, in table order (not creation order)
 * @param nextPageToken pass as {@code pageToken} for the next page; absent on the last page
 */
@Schema(name = "TenantPage")
record TenantPage(
    List<TenantView> items,
    @Schema(
            description =
                "Opaque token for the next page; null when there are no more (a page may be"
                    + " followed by an empty last page)",
            nullable = true)
        String nextPageToken) {}
