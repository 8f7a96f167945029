package cq.jianxi.organization.rest;

import cq.jianxi.organization.domain.KeyEnterpriseCategory;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A key-enterprise category as the API shows it. */
@Schema(name = "KeyEnterpriseCategory", description = "重点企业类别（附件3）")
public record KeyEnterpriseCategoryView(
        @Schema(description = "类别代码", required = true) String code,
        @Schema(description = "类别名称", required = true) String name) {

    static KeyEnterpriseCategoryView of(KeyEnterpriseCategory c) {
        return new KeyEnterpriseCategoryView(c.code, c.name);
    }
}
