import com.adobe.epubcheck.tool.EpubChecker;

/** Runs EPUBCheck on each EPUB named on the command line, in one JVM. */
public class BatchEpubCheck {
    public static void main(String[] args) {
        int worst = 0;
        for (String path : args) {
            System.out.println("=== " + path);
            int code = new EpubChecker().run(new String[] {path, "--failonwarnings"});
            System.out.println("=== exit " + code);
            worst = Math.max(worst, code);
        }
        System.exit(worst);
    }
}
