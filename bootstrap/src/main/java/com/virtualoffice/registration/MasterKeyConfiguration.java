package com.virtualoffice.registration;

import com.virtualoffice.registration.adapters.privacy.DataKeys;
import com.virtualoffice.registration.adapters.privacy.MasterKey;
import com.virtualoffice.registration.adapters.privacy.MasterKeyFile;
import java.nio.file.Path;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The master key of the customers' data keys ({@link MasterKeyPolicy}), and its check against the database. */
@Configuration(proxyBeanMethods = false)
class MasterKeyConfiguration {

    @Bean
    MasterKey masterKey(@Value("${" + MasterKeyFile.KEY_PROPERTY + ":}") String configured, Environment environment,
                        @Value("${registration.data-dir}") Path dataDir) {
        return MasterKeyPolicy.choose(configured, EmbeddedDatabaseConfiguration.isEmbedded(environment), dataDir);
    }

    /** A key that does not open the stored data keys is refused before anything is read or written with it. */
    @Bean
    InitializingBean masterKeyOpensDataKeys(DataKeys dataKeys) {
        return () -> {
            if (!dataKeys.masterKeyOpensStoredKeys()) {
                throw new StartupRefused("REGISTRATION_DATA_KEY is not the master key the customers' data keys are"
                        + " stored under: start with the key of this database (after a rotation, the new one)");
            }
        };
    }
}
