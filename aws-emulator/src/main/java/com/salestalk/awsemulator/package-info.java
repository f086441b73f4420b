/**
 * Gives integration tests an AWS endpoint: moto server through the project's launcher, or
 * AWS_ENDPOINT_URL.
 */
package com.salestalk.awsemulator;
