package org.cabildo.sensing.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.cabildo.IntegrationTest;
import org.cabildo.sensing.model.EntityType;
import org.cabildo.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

@IntegrationTest
class OpenApiDocumentTest {

	@LocalServerPort
	int port;

	@Test
	void describesEveryEntitySetItsEntitiesAndNavigation() {
		Api api = new Api(port);
		Api.Response response = api.get("/v3/api-docs");
		assertThat(response.status()).isEqualTo(200);
		JsonNode paths = response.json().get("paths");
		for (EntityType type : EntityType.values()) {
			String set = "/v1.1/" + type.setName();
			assertThat(paths.has(set)).as(set).isTrue();
			assertThat(paths.get(set).has("get")).isTrue();
			assertThat(paths.get(set).has("post")).isTrue();
			assertThat(paths.get(set + "({id})").has("patch")).isTrue();
			type.navigations()
				.forEach(navigation -> assertThat(paths.has(set + "({id})/" + navigation.name())).as(navigation.name())
					.isTrue());
			assertThat(response.json().get("components").get("schemas").has(type.entityName())).isTrue();
		}
	}

	@Test
	void describesTheDataArrayExtensionAndBatches() {
		JsonNode paths = new Api(port).get("/v3/api-docs").json().get("paths");
		assertThat(paths.get("/v1.1/CreateObservations").has("post")).isTrue();
		assertThat(paths.get("/v1.1/$batch").has("post")).isTrue();
		assertThat(paths.get("/v1.1/Datastreams({id})/Observations").get("get").get("parameters").toString())
			.contains("$resultFormat");
		assertThat(paths.get("/v1.1/Observations").get("post").get("responses").has("503")).isTrue();
	}

	@Test
	void servesTheDocumentationUi() {
		Api api = new Api(port);
		assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(200);
	}

}
