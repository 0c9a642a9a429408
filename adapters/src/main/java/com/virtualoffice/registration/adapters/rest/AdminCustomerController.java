package com.virtualoffice.registration.adapters.rest;

import com.virtualoffice.registration.application.customers.EraseCustomerUseCase;
import com.virtualoffice.registration.application.sellers.GetSellerUseCase;
import com.virtualoffice.registration.domain.Rejection.CustomerNotFound;
import com.virtualoffice.registration.domain.Rejection.SellerNotFound;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** What operators do to one customer of any seller, e.g. on the customer's own request to them. */
@RestController
class AdminCustomerController {

    private final EraseCustomerUseCase eraseCustomer;
    private final GetSellerUseCase getSeller;

    AdminCustomerController(EraseCustomerUseCase eraseCustomer, GetSellerUseCase getSeller) {
        this.eraseCustomer = eraseCustomer;
        this.getSeller = getSeller;
    }

    /** As the seller's erase: 204 also for a deleted or erased customer; 404 for one the seller never had. */
    @PostMapping("/admin/sellers/{id}/customers/{customerId}/erase")
    ResponseEntity<Void> erase(@PathVariable String id, @PathVariable String customerId, HttpServletRequest request) {
        UUID seller = PathIds.parse(id).filter(known -> getSeller.get(known).isPresent())
                .orElseThrow(() -> Rejections.toProblem(new SellerNotFound()));
        UUID customer = PathIds.parse(customerId).orElseThrow(() -> Rejections.toProblem(new CustomerNotFound()));
        Rejections.valueOf(eraseCustomer.erase(seller, customer, RequestIds.operator(request)));
        return ResponseEntity.noContent().build();
    }
}
