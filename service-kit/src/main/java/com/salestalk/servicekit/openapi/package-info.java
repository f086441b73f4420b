/**
 * Every service's OpenAPI document: its title, its credentials and the problem+json error bodies.
 */
package com.salestalk.servicekit.openapi;
