package org.cabildo.sensing.store;

import java.util.List;

import org.cabildo.sensing.query.QueryOptions;

/**
 * One page of a collection.
 *
 * @param rows the entities of this page
 * @param count the total count when {@code $count=true} was asked, else null
 * @param hasMore whether entities follow this page
 * @param top the page size that was applied
 * @param options the options the page was read with, for the next link
 */
public record Page(List<EntityRow> rows, Long count, boolean hasMore, int top, QueryOptions options) {
}
