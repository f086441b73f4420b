/**
 * Creating, reading, listing, suspending and resuming tenants, announcing new ones with
 * tenant.provisioned.v1, and their API keys (issue, list, revoke).
 */
package com.salestalk.tenantonboard.tenants;
