/** The validation consumer: a data-quality report for every upload of metrics. */
package com.salestalk.validation;
