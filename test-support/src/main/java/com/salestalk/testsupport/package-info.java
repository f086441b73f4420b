/**
 * What every service's tests share: the deployed test stack with its tap, {@link
 * com.salestalk.testsupport.ServiceIntegrationTest}, an HTTP client, AWS resource helpers, event
 * builders, a service's exec jar as a child process and a generated metrics CSV.
 */
package com.salestalk.testsupport;
