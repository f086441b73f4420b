package com.salestalk.tenantonboard.tenants;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A tenant's API keys.
 *
 * @param items oldest first: the keys that work, and those that stopped working since a key was
 *     last issued
 */
@Schema(name = "ApiKeyList")
record ApiKeyList(List<ApiKeyView> items) {}
