/**
 * What every service's tests share: the deployed test stack with its tap, {@link
 * com.salestalk.testsupport.ServiceIntegrationTest}, an HTTP client, AWS resource helpers and event
 * builders.
 */
package com.salestalk.testsupport;
