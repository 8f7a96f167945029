package cq.jianxi.organization.rest;

import cq.jianxi.organization.repository.DepartmentRepository;
import cq.jianxi.organization.repository.KeyEnterpriseCategoryRepository;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Public reference lists from Annexes 1 and 3. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "参考数据")
public class OrganizationReferenceResource {

    @Inject
    DepartmentRepository departments;

    @Inject
    KeyEnterpriseCategoryRepository categories;

    @GET
    @Path("/departments")
    @Operation(summary = "List departments", description = "列出附件1 的 10 个市级部门及其工作任务和岗位募集任务数。无需登录。")
    public Uni<List<DepartmentView>> listDepartments() {
        return departments.listInOrder().map(list -> list.stream().map(DepartmentView::of).toList());
    }

    @GET
    @Path("/key-enterprise-categories")
    @Operation(summary = "List key-enterprise categories", description = "列出附件3 的 5 类重点企业类别。无需登录。")
    public Uni<List<KeyEnterpriseCategoryView>> listKeyEnterpriseCategories() {
        return categories.listInOrder().map(list -> list.stream().map(KeyEnterpriseCategoryView::of).toList());
    }
}
