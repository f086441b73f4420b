/** Deploying infra/template.yaml to AWS or the emulator and handing its outputs to the apps. */
package com.salestalk.infra.deploy;
