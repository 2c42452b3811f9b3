package org.cabildo.sensing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.cabildo.platform.ApiException;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** The JSON batch format, read and checked before anything of the batch runs. */
class BatchRequestTest {

	private static List<BatchRequest> read(String json) {
		return BatchRequest.readAll(JsonMapper.shared().readTree(json.replace('\'', '"')));
	}

	private static void refused(String json, String pointer) {
		assertThatThrownBy(() -> read(json)).isInstanceOf(ApiException.class)
			.satisfies(e -> assertThat(((ApiException) e).details()).containsEntry("pointer", pointer));
	}

	@Test
	void readsTheRequestsInOrder() {
		List<BatchRequest> requests = read("{'requests': [{'id': '0', 'method': 'get', 'url': 'Things(1)'}, "
				+ "{'id': 1, 'atomicityGroup': 'g', 'method': 'post', 'url': 'Things', 'body': {'name': 'x'}}, "
				+ "{'id': 'two', 'atomicityGroup': 'g', 'method': 'PATCH', 'url': 'Things(1)', 'body': {}, "
				+ "'dependsOn': ['0']}, {'id': '3', 'method': 'delete', 'url': 'Things(2)', 'dependsOn': ['g']}]}");
		assertThat(requests).extracting(BatchRequest::id).containsExactly("0", "1", "two", "3");
		assertThat(requests).extracting(BatchRequest::method).containsExactly("GET", "POST", "PATCH", "DELETE");
		assertThat(requests).extracting(BatchRequest::atomicityGroup).containsExactly(null, "g", "g", null);
		assertThat(requests.get(1).body().get("name").asString()).isEqualTo("x");
		assertThat(requests.get(3).dependsOn()).containsExactly("g");
	}

	@Test
	void refusesWhatBreaksTheFormat() {
		refused("[]", "");
		refused("{'requests': {}}", "/requests");
		refused("{'requests': [1]}", "/requests/0");
		refused("{'requests': [{'method': 'get', 'url': 'Things'}]}", "/requests/0/id");
		refused("{'requests': [{'id': 'a', 'method': 'get', 'url': 'Things'}, "
				+ "{'id': 'a', 'method': 'get', 'url': 'Things'}]}", "/requests/1/id");
		refused("{'requests': [{'id': 'a', 'method': 'options', 'url': 'Things'}]}", "/requests/0/method");
		refused("{'requests': [{'id': 'a', 'method': 'get', 'url': ''}]}", "/requests/0/url");
		refused("{'requests': [{'id': 'a', 'atomicityGroup': 'g', 'method': 'get', 'url': 'Things'}, "
				+ "{'id': 'b', 'method': 'get', 'url': 'Things'}, "
				+ "{'id': 'c', 'atomicityGroup': 'g', 'method': 'get', 'url': 'Things'}]}",
				"/requests/2/atomicityGroup");
		refused("{'requests': [{'id': 'a', 'method': 'get', 'url': 'Things', 'dependsOn': ['b']}, "
				+ "{'id': 'b', 'method': 'get', 'url': 'Things'}]}", "/requests/0/dependsOn/0");
		refused("{'requests': [{'id': 'a', 'atomicityGroup': 'g', 'method': 'get', 'url': 'Things', "
				+ "'dependsOn': ['g']}]}", "/requests/0/dependsOn/0");
		refused("{'requests': [{'id': 'g', 'method': 'get', 'url': 'Things'}, "
				+ "{'id': 'a', 'atomicityGroup': 'g', 'method': 'get', 'url': 'Things'}]}", "/requests");
	}

}
