package cq.jianxi.internship.service;

import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.youth.domain.Eligibility;
import cq.jianxi.youth.service.YouthService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What an internship needs from the registry and the subsidy rates: the person's category on a day
 * (the registry's one definition, {@link Eligibility}) and the year's allowance floor.
 */
@ApplicationScoped
public class InternshipEligibility {

    @Inject
    YouthService youths;
    @Inject
    AllowanceFloors rates;

    /** Refuses a person outside the programme; answers whether they are an unemployed graduate within two years. */
    public Uni<Boolean> requireEligible(long youthId, LocalDate day) {
        return youths.categoryOn(youthId, day).map(category -> {
            if (category == Eligibility.Category.NOT_ELIGIBLE) {
                throw ApiProblem.conflict("不符合见习对象条件：" + day + " 既不是离校2年内未就业高校毕业生，也不是16–24岁失业青年");
            }
            return category == Eligibility.Category.UNEMPLOYED_GRADUATE;
        });
    }

    /** Whether the person is an unemployed graduate within two years on the day (fixed on the internship at arrival). */
    public Uni<Boolean> unemployedGraduateOn(long youthId, LocalDate day) {
        return youths.categoryOn(youthId, day).map(category -> category == Eligibility.Category.UNEMPLOYED_GRADUATE);
    }

    public Uni<BigDecimal> allowanceFloor(int year) {
        return rates.allowanceFloor(year).map(floor -> floor.orElseThrow(() ->
                ApiProblem.conflict(year + " 年的见习补贴标准和生活费下限尚未设置，请联系市人社局")));
    }
}
