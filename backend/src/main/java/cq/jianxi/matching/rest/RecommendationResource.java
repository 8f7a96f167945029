package cq.jianxi.matching.rest;

import cq.jianxi.common.security.CallerProvider;
import cq.jianxi.matching.rest.MatchingViews.RecommendationView;
import cq.jianxi.matching.service.MatchingService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** "为你推荐": positions ranked for the signed-in young person. */
@Path("/api/youth/me/recommendations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "匹配与服务")
@Authenticated
public class RecommendationResource {

    @Inject
    MatchingService matching;

    @Inject
    CallerProvider callers;

    @GET
    @Operation(summary = "Recommended positions",
            description = "为青年本人推荐已发布且未截止、学历符合的岗位（最多 20 个），按意向区县、意向岗位类别、专业对口排序，已申请的岗位不再推荐。")
    public Uni<List<RecommendationView>> getRecommendations() {
        return matching.recommend(callers.current()).map(list -> list.stream().map(RecommendationView::of).toList());
    }
}
