package jp.tetsuzuki.workers.bench;

import jp.tetsuzuki.workers.fixtures.Fixture;
import jp.tetsuzuki.workers.fixtures.FixtureGenerator;
import jp.tetsuzuki.workers.ocr.GreyImage;
import jp.tetsuzuki.workers.ocr.OcrPipeline;
import jp.tetsuzuki.workers.ocr.TesseractEngine;
import jp.tetsuzuki.workers.ocr.TextDirection;

/** Quick look at a few pages (development aid). */
public class Probe {
  public static void main(String[] args) throws Exception {
    FixtureGenerator gen = new FixtureGenerator(7);
    TesseractEngine engine = new TesseractEngine();
    OcrPipeline pipeline = new OcrPipeline(engine);
    int n = Integer.parseInt(args.length > 0 ? args[0] : "4");
    long rawErr = 0, ourErr = 0, len = 0, rawT = 0, ourT = 0;
    for (int i = 0; i < n; i++) {
      Fixture f = i % 2 == 0 ? gen.certificate(i) : gen.invoice(i);
      GreyImage img = GreyImage.of(f.scan());
      long t0 = System.nanoTime();
      String raw = engine.plainText(img, TextDirection.HORIZONTAL);
      long t1 = System.nanoTime();
      String ours = pipeline.recognize(1, img, TextDirection.HORIZONTAL).text();
      long t2 = System.nanoTime();
      int[] a = TextMetrics.distance(f.text(), raw);
      int[] b = TextMetrics.distance(f.text(), ours);
      rawErr += a[0]; ourErr += b[0]; len += a[1]; rawT += t1 - t0; ourT += t2 - t1;
      System.out.printf("%s %s raw=%.3f ours=%.3f  %dms %dms%n", f.id(), f.degradation(), 1 - a[0] / (double) a[1],
          1 - b[0] / (double) b[1], (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
      if (args.length > 1) {
        System.out.println("--- truth\n" + f.text() + "\n--- ours\n" + ours + "\n--- raw\n" + raw);
      }
    }
    System.out.printf("TOTAL raw=%.4f ours=%.4f rawMs=%d oursMs=%d%n", 1 - rawErr / (double) len,
        1 - ourErr / (double) len, rawT / 1_000_000 / n, ourT / 1_000_000 / n);
  }
}
