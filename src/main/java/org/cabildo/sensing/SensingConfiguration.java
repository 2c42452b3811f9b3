package org.cabildo.sensing;

import java.sql.SQLException;
import java.time.Clock;

import javax.sql.DataSource;

import org.cabildo.sensing.sql.Dialect;
import org.cabildo.sensing.sql.ExpressionTranslator;
import org.cabildo.sensing.sql.GeometryMatcher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ org.cabildo.sensing.rollup.RollupSettings.class, SensingSettings.class, IngestSettings.class, MqttSettings.class,
		ReadSettings.class })
class SensingConfiguration {

	@Bean
	Dialect dialect(DataSource dataSource) throws MetaDataAccessException {
		String product = JdbcUtils.extractDatabaseMetaData(dataSource, metaData -> {
			try {
				return metaData.getDatabaseProductName();
			}
			catch (SQLException e) {
				throw new MetaDataAccessException("cannot read the database product name", e);
			}
		});
		return Dialect.of(product);
	}

	@Bean
	ExpressionTranslator expressionTranslator(Dialect dialect, GeometryMatcher geometries, Clock clock,
			ObjectProvider<CostlyReads> costly) {
		return new ExpressionTranslator(dialect, geometries, clock, costly.getIfAvailable(() -> CostlyReads.UNLIMITED));
	}

}
