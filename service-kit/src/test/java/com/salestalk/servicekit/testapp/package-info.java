/** A small application the service-kit tests run over HTTP. */
package com.salestalk.servicekit.testapp;
