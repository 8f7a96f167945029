package cq.jianxi.evaluation.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How a criterion turns its input into points (docs/notice.md, "Scoring"). */
public final class Scoring {

    private Scoring() {
    }

    /** weight × clamp((input − zeroAt) / (fullAt − zeroAt), 0, 1), rounded half up to 2 decimals; 0 without input. */
    public static BigDecimal computed(BigDecimal weight, BigDecimal fullAt, BigDecimal zeroAt, Double input) {
        if (input == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        double span = fullAt.doubleValue() - zeroAt.doubleValue();
        double fraction = (input - zeroAt.doubleValue()) / span;
        fraction = Math.max(0, Math.min(1, fraction));
        return weight.multiply(BigDecimal.valueOf(fraction)).setScale(2, RoundingMode.HALF_UP);
    }

    /** weight × percent / 100, rounded half up to 2 decimals; 0 while unscored. */
    public static BigDecimal manual(BigDecimal weight, BigDecimal percent) {
        if (percent == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        return weight.multiply(percent).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }
}
