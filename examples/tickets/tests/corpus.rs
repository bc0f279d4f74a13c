fn main() {
    rewind::CorpusTests::new(&[rewind::domain::<tickets::BoxOffice>()]).main();
}
