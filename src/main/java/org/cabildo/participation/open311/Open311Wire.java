package org.cabildo.participation.open311;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The documents of GeoReport v2 as the standard names their fields (wiki.open311.org/GeoReport_v2),
 * each field in the standard's order: what the OpenAPI document shows and what clients read.
 */
final class Open311Wire {

	private Open311Wire() {
	}

	/** An item of {@code GET services}. */
	@JsonPropertyOrder({ "service_code", "service_name", "description", "metadata", "type", "keywords", "group" })
	record Service(@JsonProperty("service_code") String serviceCode, @JsonProperty("service_name") String serviceName,
			String description, boolean metadata, String type, String keywords, String group) {
	}

	/** {@code GET services/{service_code}}: the questions a service asks. */
	@JsonPropertyOrder({ "service_code", "attributes" })
	record ServiceDefinition(@JsonProperty("service_code") String serviceCode, List<Attribute> attributes) {
	}

	/** One question of a service definition; {@code values} only for the list types. */
	@JsonPropertyOrder({ "variable", "code", "datatype", "required", "datatype_description", "order", "description",
			"values" })
	record Attribute(boolean variable, String code, String datatype, boolean required,
			@JsonProperty("datatype_description") String datatypeDescription, int order, String description,
			@JsonInclude(JsonInclude.Include.NON_NULL) List<Value> values) {
	}

	/** An answer a list attribute allows. */
	record Value(String key, String name) {
	}

	/** An item of the answer to {@code POST requests}. */
	@JsonPropertyOrder({ "service_request_id", "token", "service_notice", "account_id" })
	record Created(@JsonProperty("service_request_id") String serviceRequestId, String token,
			@JsonProperty("service_notice") String serviceNotice, @JsonProperty("account_id") String accountId) {
	}

	/** An item of {@code GET tokens/{token}}. */
	@JsonPropertyOrder({ "service_request_id", "token" })
	record TokenAnswer(@JsonProperty("service_request_id") String serviceRequestId, String token) {
	}

	/** An item of {@code GET requests} and {@code GET requests/{id}}. */
	@JsonPropertyOrder({ "service_request_id", "status", "status_notes", "service_name", "service_code", "description",
			"agency_responsible", "service_notice", "requested_datetime", "updated_datetime", "expected_datetime",
			"address", "address_id", "zipcode", "lat", "long", "media_url" })
	record Request(@JsonProperty("service_request_id") String serviceRequestId, String status,
			@JsonProperty("status_notes") String statusNotes, @JsonProperty("service_name") String serviceName,
			@JsonProperty("service_code") String serviceCode, String description,
			@JsonProperty("agency_responsible") String agencyResponsible,
			@JsonProperty("service_notice") String serviceNotice,
			@JsonProperty("requested_datetime") String requestedDatetime,
			@JsonProperty("updated_datetime") String updatedDatetime,
			@JsonProperty("expected_datetime") String expectedDatetime, String address,
			@JsonProperty("address_id") String addressId, String zipcode, Double lat, @JsonProperty("long") Double lon,
			@JsonProperty("media_url") String mediaUrl) {
	}

	/** An item of the standard's error list. */
	record Error(int code, String description) {
	}

	/** The service discovery document. */
	@JsonPropertyOrder({ "changeset", "contact", "key_service", "endpoints" })
	record Discovery(String changeset, String contact, @JsonProperty("key_service") String keyService,
			List<Endpoint> endpoints) {
	}

	/** An endpoint of the discovery document. */
	@JsonPropertyOrder({ "specification", "url", "changeset", "type", "formats" })
	record Endpoint(String specification, String url, String changeset, String type, List<String> formats) {
	}

}
