package com.virtualoffice.registration.adapters.cli;

import com.virtualoffice.registration.application.apikeys.ApiKeyLifecycleUseCase;
import com.virtualoffice.registration.application.apikeys.IssueApiKeyUseCase;
import com.virtualoffice.registration.application.customers.EraseCustomerUseCase;
import com.virtualoffice.registration.application.projections.ReplayReadModelsUseCase;
import com.virtualoffice.registration.application.projections.VerifyReadModelsUseCase;
import com.virtualoffice.registration.application.sellers.ChangePlanUseCase;
import com.virtualoffice.registration.application.sellers.GetSellerUseCase;
import com.virtualoffice.registration.application.sellers.RegisterSellerUseCase;
import com.virtualoffice.registration.domain.PlanCatalog;
import com.virtualoffice.registration.adapters.privacy.DataKeys;
import com.virtualoffice.registration.adapters.privacy.MasterKeyFile;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/** What the operator commands use, taken from the application context. */
record OperatorServices(RegisterSellerUseCase registerSeller, GetSellerUseCase getSeller,
                        ChangePlanUseCase changePlan, IssueApiKeyUseCase issueApiKey,
                        ApiKeyLifecycleUseCase apiKeys, ReplayReadModelsUseCase replay,
                        VerifyReadModelsUseCase verify, PlanCatalog plans, String defaultPlan,
                        InstantSource clock, EraseCustomerUseCase eraseCustomer, DataKeys dataKeys,
                        Optional<MasterKeyFile> masterKeyFile, Function<String, String> environment) {

    OperatorServices(ConfigurableApplicationContext context) {
        this(context.getBean(RegisterSellerUseCase.class), context.getBean(GetSellerUseCase.class),
                context.getBean(ChangePlanUseCase.class), context.getBean(IssueApiKeyUseCase.class),
                context.getBean(ApiKeyLifecycleUseCase.class), context.getBean(ReplayReadModelsUseCase.class),
                context.getBean(VerifyReadModelsUseCase.class), context.getBean(PlanCatalog.class),
                context.getEnvironment().getRequiredProperty("registration.plans.default-plan"),
                context.getBean(InstantSource.class), context.getBean(EraseCustomerUseCase.class),
                context.getBean(DataKeys.class),
                madeUpMasterKey(context.getEnvironment()), context.getEnvironment()::getProperty);
    }

    /** The file of the master key the service made up, when none is configured. */
    private static Optional<MasterKeyFile> madeUpMasterKey(Environment environment) {
        return environment.getProperty(MasterKeyFile.KEY_PROPERTY, "").isBlank()
                ? Optional.of(MasterKeyFile.in(Path.of(environment.getRequiredProperty("registration.data-dir"))))
                : Optional.empty();
    }
}
