/** Test fixtures: AWS resources as DATA_CONTRACTS.md describes them, and fault injection. */
package com.salestalk.aws.support;
