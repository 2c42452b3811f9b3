package org.cabildo.sensing.query;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cabildo.sensing.query.FilterParser.OrderItem;
import org.cabildo.sensing.query.FilterParser.ParsedExpression;

/**
 * The query options of one request or of one {@code $expand} item.
 *
 * @param filter parsed {@code $filter}, or {@code null}
 * @param orderBy {@code $orderby} items, empty for the default order
 * @param top {@code $top}, or {@code null} for the server default
 * @param skip {@code $skip}
 * @param count whether {@code $count=true}
 * @param select selected property names, empty for all
 * @param expand expanded navigation properties
 * @param resultFormat {@code $resultFormat}, or {@code null}
 * @param raw the options as the client wrote them, to build next links from
 */
public record QueryOptions(ParsedExpression filter, List<OrderItem> orderBy, Integer top, int skip, boolean count,
		List<String> select, List<Expand> expand, String resultFormat, Map<String, String> raw) {

	public static final QueryOptions NONE = new QueryOptions(null, List.of(), null, 0, false, List.of(), List.of(),
			null, Map.of());

	public QueryOptions {
		orderBy = List.copyOf(orderBy);
		select = List.copyOf(select);
		expand = List.copyOf(expand);
		raw = Collections.unmodifiableMap(new LinkedHashMap<>(raw));
	}

	public QueryOptions withExpand(List<Expand> expand) {
		return new QueryOptions(filter, orderBy, top, skip, count, select, expand, resultFormat, raw);
	}

	/** One navigation property to expand, with the options that apply to the expanded entities. */
	public record Expand(String navigation, QueryOptions options) {
	}

}
