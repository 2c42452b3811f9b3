/**
 * The operator's console ({@code /console/operator/...}): the Things and Datastreams of the
 * operator's organisations, their devices with their secrets (shown once) and bindings, and the
 * signed-in person's own API tokens. A client of the same services as the API, with the
 * signed-in caller: every check the API makes is made, and its refusal shown.
 */
package org.cabildo.portal.operator;
