package org.cabildo.platform;

/**
 * A route whose request bodies may be larger than {@code cabildo.max-body-bytes} (an upload of
 * files): a module that serves one declares it as a bean, and the platform's body limit holds
 * that route to {@code limit} instead.
 *
 * @param method the HTTP method, such as {@code POST}
 * @param path the route's path, exactly
 */
public record LargeBody(String method, String path, long limit) {
}
