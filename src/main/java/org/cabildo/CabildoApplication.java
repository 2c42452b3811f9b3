package org.cabildo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CabildoApplication {

	public static void main(String[] args) {
		SpringApplication.run(CabildoApplication.class, args);
	}

}
