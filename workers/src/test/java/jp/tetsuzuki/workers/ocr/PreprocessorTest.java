package jp.tetsuzuki.workers.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The preprocessing steps on synthetic pages whose right answer is known by construction. */
class PreprocessorTest {

  private static final int W = 1200;
  private static final int H = 800;

  /**
   * A white page with a horizontal rule (3 px), a vertical rule, a 40×40 "character" of two strokes at (300, 200)
   * and, below the rule, four lines of such characters so that ink covers a few per cent as on a real form.
   */
  private static byte[] form() {
    byte[] p = new byte[W * H];
    Arrays.fill(p, (byte) 255);
    for (int y = 400; y < 403; y++) {
      for (int x = 100; x < 1100; x++) {
        p[y * W + x] = 0;
      }
    }
    for (int y = 100; y < 700; y++) {
      for (int x = 900; x < 903; x++) {
        p[y * W + x] = 0;
      }
    }
    character(p, 300, 200);
    for (int line = 0; line < 4; line++) {
      for (int c = 0; c < 14; c++) {
        character(p, 120 + c * 55, 450 + line * 60);
      }
    }
    return p;
  }

  private static void character(byte[] p, int left, int top) {
    for (int k = 0; k < 40; k++) {
      for (int t = 0; t < 4; t++) {
        p[(top + k) * W + left + t] = 0; // vertical stroke
        p[(top + 20 + t) * W + left + k] = 0; // horizontal stroke
      }
    }
  }

  private static GreyImage noisy(byte[] clean, double sigma, long seed) {
    Random random = new Random(seed);
    byte[] p = new byte[clean.length];
    for (int i = 0; i < p.length; i++) {
      double v = 90 + (clean[i] & 0xff) * (200 - 90) / 255.0 + random.nextGaussian() * sigma;
      if (random.nextInt(2000) == 0) {
        v = 0;
      }
      p[i] = (byte) Math.max(0, Math.min(255, Math.round(v)));
    }
    return new GreyImage(W, H, p);
  }

  private static int darkIn(GreyImage image, int x0, int y0, int x1, int y1) {
    int threshold = Preprocessor.otsu(image);
    int count = 0;
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        if (image.at(x, y) < threshold) {
          count++;
        }
      }
    }
    return count;
  }

  @Test
  void assessmentTellsCleanFromNoisyAndFaint() {
    Preprocessor.Assessment clean = Preprocessor.assess(new GreyImage(W, H, form()));
    assertThat(clean.noisy()).isFalse();
    assertThat(clean.faint()).isFalse();
    Preprocessor.Assessment damaged = Preprocessor.assess(noisy(form(), 12, 1));
    assertThat(damaged.noisy()).isTrue();
    assertThat(damaged.faint()).isTrue();
  }

  @Test
  void rulesGoAndStrokesStayOnACleanPage() {
    GreyImage page = new GreyImage(W, H, form());
    GreyImage out = Preprocessor.removeRulesAndSpeckles(page, Preprocessor.otsu(page), false);
    assertThat(darkIn(out, 100, 395, 880, 408)).isZero(); // horizontal rule, fringe included
    assertThat(darkIn(out, 895, 100, 910, 700)).isZero(); // vertical rule
    assertThat(darkIn(out, 300, 200, 340, 240)).isEqualTo(darkIn(page, 300, 200, 340, 240));
  }

  @Test
  void onANoisyFaintScanTheBrokenRulesAndTheDustGoButTheCharacterStays() {
    Preprocessor preprocessor = new Preprocessor();
    GreyImage scan = noisy(form(), 16, 2);
    GreyImage out = preprocessor.prepare(scan, Preprocessor.assess(scan));
    int border = 24;
    int threshold = 128;
    int ruleRemnants = 0;
    int dust = 0;
    int character = 0;
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        boolean dark = out.at(x + border, y + border) < threshold;
        boolean single = x >= 296 && x < 344 && y >= 196 && y < 244;
        boolean inCharacter = x >= 296 && x < 344 && y >= 196 && y < 244 || x >= 116 && x < 890 && y >= 446 && y < 694;
        boolean onRule = (y >= 396 && y < 407 && x >= 96 && x < 1104) || (x >= 896 && x < 907 && y >= 96 && y < 704);
        if (dark && single) {
          character++;
        } else if (inCharacter) {
          continue;
        } else if (dark && onRule) {
          ruleRemnants++;
        } else if (dark) {
          dust++;
        }
      }
    }
    assertThat(ruleRemnants).isLessThan(20);
    assertThat(dust).isLessThan(50);
    assertThat(character).isGreaterThan(250); // the strokes cover 2 × 160 − 16 = 304 px
  }

  @Test
  void rotationAndSkewEstimateAgree() {
    GreyImage page = new GreyImage(W, H, form());
    GreyImage tilted = Preprocessor.rotate(page, 1.2);
    assertThat(Preprocessor.skewDegrees(tilted)).isCloseTo(1.2, within(0.1));
    GreyImage straight = Preprocessor.rotate(tilted, -Preprocessor.skewDegrees(tilted));
    assertThat(Math.abs(Preprocessor.skewDegrees(straight))).isLessThan(0.1);
  }

  @Test
  void medianRemovesDustWithoutThinningStrokes() {
    byte[] p = form();
    p[600 * W + 600] = 0; // one dust pixel
    GreyImage out = Preprocessor.median3(new GreyImage(W, H, p));
    assertThat(out.at(600, 600)).isEqualTo(255);
    assertThat(out.at(301, 220)).isZero();
    assertThat(out.at(320, 221)).isZero();
  }
}
