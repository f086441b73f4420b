/**
 * Reading infra/template.yaml: its resources, rules, alarms and dashboard, with parameters
 * resolved.
 */
package com.salestalk.infra.template;
